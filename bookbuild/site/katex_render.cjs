// Renders TeX to HTML+MathML with KaTeX at build time, so readers need no math JavaScript.
// Protocol: one JSON request per line on stdin {"tex": "...", "display": true|false},
// one JSON reply per line on stdout {"html": "..."} or {"error": "..."}.
"use strict";
const katex = require("katex");
const readline = require("readline");

const macros = {};
const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  let reply;
  try {
    const req = JSON.parse(line);
    const html = katex.renderToString(req.tex, {
      displayMode: Boolean(req.display),
      throwOnError: true,
      output: "htmlAndMathml",
      // Vietnamese words inside \text{} are fine; every other strictness issue fails the build.
      strict: (code) => (code === "unicodeTextInMathMode" ? "ignore" : "error"),
      trust: false,
      macros,
    });
    reply = { html };
  } catch (err) {
    reply = { error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
