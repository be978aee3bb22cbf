// The WAI-ARIA tabs pattern with automatic activation: one tab in the Tab order, arrows, Home and End move
// between tabs and show their panels.

/** @param {HTMLElement} tablist */
export function setupTabs(tablist, onChange = () => {}) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const select = (id, { focus = false } = {}) => {
    for (const tab of tabs) {
      const on = tab.id === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) tab.focus();
    }
    onChange(id);
  };
  tablist.addEventListener('click', (e) => {
    const tab = /** @type {Element} */ (e.target).closest('[role="tab"]');
    if (tab) select(tab.id);
  });
  tablist.addEventListener('keydown', (e) => {
    const at = tabs.indexOf(/** @type {any} */ (document.activeElement));
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined || at < 0) return;
    e.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length].id, { focus: true });
  });
  return { select };
}
