// `npm run demo`: lint examples/express-app with its own eslint.config.js (the plugin's
// recommended config plus a logger setting) and print what the plugin finds.
// The example is not installed: its `import ... from 'eslint-plugin-security-logging'` is
// resolved to this repository's build (dist/) by a module resolution hook.
import { register } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const exampleDir = fileURLToPath(new URL('../examples/express-app/', import.meta.url));
const pluginEntry = pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href;

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === 'eslint-plugin-security-logging') return { url: ${JSON.stringify(pluginEntry)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { default: plugin } = await import(pluginEntry);

const eslint = new ESLint({ cwd: exampleDir });
const results = await eslint.lintFiles(['.']);
const relativeResults = results.map((result) => ({ ...result, filePath: relative(root, result.filePath) }));

const formatter = await eslint.loadFormatter('stylish');
const messages = results.flatMap((result) => result.messages);
const byRule = new Map();
for (const message of messages) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);

console.log(`eslint-plugin-security-logging ${plugin.meta.version}: linting examples/express-app with its eslint.config.js`);
console.log(`(configs.recommended: ${Object.keys(plugin.configs.recommended.rules).join(', ')})`);
console.log(await formatter.format(relativeResults));

if (messages.length > 0) {
  console.log('Findings by rule:');
  for (const [ruleId, count] of [...byRule].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    const docs = plugin.rules[String(ruleId).replace(/^security-logging\//u, '')]?.meta.docs;
    const tags = docs ? `  ${[...docs.cwe, ...docs.owasp].join(' ')}` : '';
    console.log(`  ${String(count).padStart(3)}  ${ruleId}${tags}`);
  }
  const fixable = messages.filter((message) => message.fix).length;
  const suggestions = messages.filter((message) => message.suggestions?.length).length;
  console.log(
    `\n${fixable} of ${messages.length} findings have an autofix (npx eslint --fix); ${suggestions} offer editor suggestions.`,
  );
} else {
  console.log('No findings.');
}
// The findings are the point of the demo, not a failure.
process.exitCode = 0;
