#!/usr/bin/env node
// Installed entry point: runs the TypeScript sources through tsx's loader (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
