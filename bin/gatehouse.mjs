#!/usr/bin/env node
// The `gatehouse` command: `npx gatehouse …` in a clone after `npm install` runs this file (npm exec finds the bin of
// the package in the current directory and never asks the registry for it). Plain JavaScript so it needs no build
// step; the CLI itself is TypeScript that Node runs with its own type stripping.

if (!process.features.typescript) {
  console.error(`gatehouse needs Node.js 22.18 or later (this is ${process.version}); see .nvmrc.`);
  process.exit(1);
}
await import("../cli/main.ts");
