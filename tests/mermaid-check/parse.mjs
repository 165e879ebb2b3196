// Parses the ```mermaid blocks of Markdown files with the real Mermaid parser (mermaid + jsdom, in process).
// Usage: node parse.mjs <file.md>...   Exit 0: every block parses; 1: the first error, with its file; 2: usage.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node parse.mjs <file.md>...');
  process.exit(2);
}

// Mermaid expects a browser: give it jsdom's window before it loads.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
globalThis.DOMParser = window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let blocks = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(match => match[1]);
  if (found.length === 0) {
    console.error(`${file}: no mermaid block`);
    process.exit(1);
  }

  for (const diagram of found) {
    try {
      const result = await mermaid.parse(diagram);
      if (result?.diagramType !== 'er') {
        console.error(`${file}: parsed as ${result?.diagramType}, not erDiagram`);
        process.exit(1);
      }
    } catch (error) {
      console.error(`${file}: ${String(error?.message ?? error).split('\n').slice(0, 4).join(' ')}`);
      process.exit(1);
    }
    blocks++;
  }
}

console.log(`${blocks} diagram(s) parsed`);
