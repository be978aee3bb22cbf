/**
 * Offset → 1-based line by binary search over the line starts: diagnostics and parse nodes carry offsets, and
 * scanning from the top for each was quadratic on large inputs. Offsets count UTF-16 code units, as string
 * indices do.
 */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
