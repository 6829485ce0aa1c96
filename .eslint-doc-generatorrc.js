// eslint-doc-generator config: README rules table and the header of each docs/rules/<name>.md.
// The generator has no CWE/OWASP column or notice, so `postprocess` adds them from each
// rule's `meta.docs.cwe` / `meta.docs.owasp`. It runs on the freshly generated text in
// both write and `--check` mode, so the added parts are regenerated, never hand-kept.
import { basename, dirname } from 'node:path';
import plugin from './dist/index.js';

const CWE_TITLES = {
  'CWE-117': 'Improper Output Neutralization for Logs',
  'CWE-208': 'Observable Timing Discrepancy',
  'CWE-209': 'Generation of Error Message Containing Sensitive Information',
  'CWE-312': 'Cleartext Storage of Sensitive Information',
  'CWE-359': 'Exposure of Private Personal Information to an Unauthorized Actor',
  'CWE-390': 'Detection of Error Condition Without Action',
  'CWE-532': 'Insertion of Sensitive Information into Log File',
  'CWE-754': 'Improper Check for Unusual or Exceptional Conditions',
  'CWE-755': 'Improper Handling of Exceptional Conditions',
  'CWE-778': 'Insufficient Logging',
};

const OWASP = {
  'A09:2025': {
    title: 'Security Logging and Alerting Failures',
    url: 'https://owasp.org/Top10/2025/A09_2025-Security_Logging_and_Alerting_Failures/',
  },
  'A10:2025': {
    title: 'Mishandling of Exceptional Conditions',
    url: 'https://owasp.org/Top10/2025/A10_2025-Mishandling_of_Exceptional_Conditions/',
  },
};

const RULES_LIST_BEGIN = '<!-- begin auto-generated rules list -->';
const RULES_LIST_END = '<!-- end auto-generated rules list -->';
const RULE_HEADER_END = '<!-- end auto-generated rule header -->';

function cweUrl(id) {
  return `https://cwe.mitre.org/data/definitions/${id.replace(/^CWE-/u, '')}.html`;
}

function cweLinks(docs) {
  return (docs?.cwe ?? []).map((id) => `[${id}](${cweUrl(id)})`).join(', ');
}

function owaspLinks(docs) {
  return (docs?.owasp ?? []).map((id) => (OWASP[id] ? `[${id}](${OWASP[id].url})` : id)).join(', ');
}

/** One line under the generated notices of a rule doc: the weaknesses the rule covers. */
function taxonomyNotice(docs) {
  const cwe = (docs?.cwe ?? []).map((id) => `[${id}](${cweUrl(id)})${CWE_TITLES[id] ? ` (${CWE_TITLES[id]})` : ''}`);
  const owasp = (docs?.owasp ?? []).map((id) =>
    OWASP[id] ? `[${id} ${OWASP[id].title}](${OWASP[id].url})` : id,
  );
  const parts = [];
  if (cwe.length > 0) parts.push(`CWE: ${cwe.join(', ')}`);
  if (owasp.length > 0) parts.push(`OWASP Top 10: ${owasp.join(', ')}`);
  return parts.length > 0 ? `🛡️ ${parts.join('. ')}.` : undefined;
}

function splitRow(line) {
  // Cells are separated by unescaped pipes; the generator escapes pipes inside descriptions.
  return line
    .trim()
    .replace(/^\|/u, '')
    .replace(/\|$/u, '')
    .split(/(?<!\\)\|/u)
    .map((cell) => cell.trim());
}

function formatTable(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(3, ...rows.map((row, index) => (index === 1 ? 0 : row[column].length))),
  );
  return rows
    .map((row, index) =>
      index === 1
        ? `| ${widths.map((width) => `:${'-'.repeat(width - 1)}`).join(' | ')} |`
        : `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`,
    )
    .join('\n');
}

/** Add CWE and OWASP columns after the description column of the generated rules table. */
function addTaxonomyColumns(content) {
  const begin = content.indexOf(RULES_LIST_BEGIN);
  const end = content.indexOf(RULES_LIST_END);
  if (begin === -1 || end === -1) return content;
  const lines = content.slice(begin, end).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  if (first === -1) return content;
  let last = first;
  while (last + 1 < lines.length && lines[last + 1].startsWith('|')) last += 1;
  const rows = lines.slice(first, last + 1).map(splitRow);
  const descriptionColumn = rows[0].findIndex((cell) => cell.includes('Description'));
  const insertAt = descriptionColumn === -1 ? rows[0].length : descriptionColumn + 1;
  const withTaxonomy = rows.map((row, index) => {
    let extra;
    if (index === 0) extra = ['CWE', 'OWASP'];
    else if (index === 1) extra = ['', ''];
    else {
      const name = /\[([^\]]+)\]\(/u.exec(row[0])?.[1];
      const docs = plugin.rules[name]?.meta?.docs;
      extra = [cweLinks(docs), owaspLinks(docs)];
    }
    return [...row.slice(0, insertAt), ...extra, ...row.slice(insertAt)];
  });
  lines.splice(first, last - first + 1, formatTable(withTaxonomy));
  return content.slice(0, begin) + lines.join('\n') + content.slice(end);
}

/** Put the CWE/OWASP notice last in the generated header of a rule doc. */
function addTaxonomyNotice(content, ruleName) {
  const docs = plugin.rules[ruleName]?.meta?.docs;
  const notice = taxonomyNotice(docs);
  const marker = content.indexOf(RULE_HEADER_END);
  if (!notice || marker === -1) return content;
  return `${content.slice(0, marker)}${notice}\n\n${content.slice(marker)}`;
}

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'options'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'deprecated'],
  postprocess(content, path) {
    if (basename(dirname(path)) === 'rules' && path.endsWith('.md')) {
      return addTaxonomyNotice(content, basename(path, '.md'));
    }
    return addTaxonomyColumns(content);
  },
};

export default config;
