// ESLint formatter: @microsoft/eslint-formatter-sarif, plus each rule's CWE ids and OWASP Top 10
// categories as SARIF tags (`runs[].tool.driver.rules[].properties.tags`), which GitHub code
// scanning shows and filters on. The Microsoft formatter copies only `meta.docs.url` (helpUri),
// `description` and `category`; this adds the tags from the `cwe` and `owasp` fields that
// eslint-plugin-security-logging keeps in `meta.docs`. Rules of other plugins pass through as they are.
//
// Copy this file into your repository (e.g. .github/eslint-sarif-formatter.cjs), install
// @microsoft/eslint-formatter-sarif, and run:
//   npx eslint . --format ./.github/eslint-sarif-formatter.cjs --output-file eslint-results.sarif
'use strict';

const sarifFormatter = require('@microsoft/eslint-formatter-sarif');

/** `CWE-778` → GitHub's tag for CWE ids, `external/cwe/cwe-778`. */
function cweTag(id) {
  return `external/cwe/${String(id).toLowerCase()}`;
}

module.exports = function formatSarifWithTags(results, data) {
  const log = JSON.parse(sarifFormatter(results, data));
  const rulesMeta = (data && data.rulesMeta) || {};
  for (const run of log.runs) {
    for (const rule of run.tool.driver.rules) {
      const docs = rulesMeta[rule.id] && rulesMeta[rule.id].docs;
      const cwe = (docs && docs.cwe) || [];
      const owasp = (docs && docs.owasp) || [];
      if (cwe.length === 0 && owasp.length === 0) continue;
      const tags = ['security', ...cwe, ...cwe.map(cweTag), ...owasp.map((category) => `OWASP-${category}`)];
      rule.properties = { ...rule.properties, tags: [...new Set([...((rule.properties && rule.properties.tags) || []), ...tags])] };
    }
  }
  return JSON.stringify(log, null, 2);
};
