import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { tempProject } from '../../helpers/temp-project.js';
import { invalid } from './cases.js';

/**
 * Two readings of what a `try` covers, from the code of the function it calls:
 * - a catch that never runs: every fallible call of the try is an async function that catches all its failures
 *   itself (homebridge's `await this.getDockerDetails()`, whose whole body sits in a `try` that logs; wildduck's
 *   `releasePending()`). Its text-only log loses nothing; in-process work beside the call (`releases.filter(…)`,
 *   `new Date(…)`) or a function that rethrows keeps it reported;
 * - the app's thin wrapper of one request or store command exported from another module of the project (SAP
 *   approuter's `await iasUtils.getSubdomainByApptid(id, url)`, whose body is one `request.axiosRequest(…)` beside an
 *   in-memory cache look-up), read as the same-file wrapper is: the one command, the log naming the step. A wrapper
 *   that makes two requests, or work of the app's own, stays reported.
 */
const ruleTester = new RuleTester();
const project = tempProject('lews-imported-wrappers-', [join('lib', 'utils')]);
const write = (file: string, text: string) => project.write(join('lib', file), text);

// SAP approuter's lib/utils/ias-utils.js, trimmed: one GET through the app's axios helper, an in-memory cache beside it.
write(
  'utils/ias-utils.js',
  `const request = require('./request-utils');
const subdomainCache = new Map();
exports.getSubdomainByApptid = getSubdomainByApptid;
exports.getTwice = getTwice;
exports.getAndStore = getAndStore;
async function getSubdomainByApptid(apptid, btpTenantAPI) {
  const cachedSubdomain = subdomainCache.get(apptid);
  if (cachedSubdomain !== undefined) {
    return cachedSubdomain;
  }
  const baseUrl = \`\${btpTenantAPI}/sap/rest/tenantLoginInfo/?id=\${apptid}\`;
  let result = await request.axiosRequest('get', { url: baseUrl });
  if (result.error || result.response.statusCode !== 200) {
    throw new Error('Failed to fetch subdomain for app_tid ' + apptid);
  }
  const resultBody = result.body && JSON.parse(result.body);
  if (resultBody && resultBody.subdomain) {
    subdomainCache.set(apptid, resultBody.subdomain);
    return resultBody.subdomain;
  }
  throw new Error('Failed to fetch subdomain for app_tid ' + apptid);
}
async function getTwice(apptid, url) {
  await request.axiosRequest('get', { url });
  return request.axiosRequest('get', { url: url + apptid });
}
async function getAndStore(apptid, url) {
  const result = await request.axiosRequest('get', { url });
  await persistTenant(apptid, result.body);
  return result;
}
`,
);
const startup = (callee: string) => ({
  code: `const iasUtils = require('./utils/ias-utils');
async function populateIdentityZone(iasCredentials) {
  try {
    iasCredentials.identityzone = await iasUtils.${callee}(iasCredentials.app_tid, iasCredentials['btp-tenant-api']);
  } catch (err) {
    console.error('Failed to populate IAS identityzone at startup: %s', err.message);
  }
}
`,
  filename: join(project.root, 'lib', 'approuter.js'),
});
const startupReported = (callee: string) => {
  const { code, filename } = startup(callee);
  return { ...invalid(code, 'err', "console.error('Failed to populate IAS identityzone at startup: %s', err.message"), filename };
};

// homebridge's status service: getDockerDetails catches and logs every failure of its own work.
const docker = (extra: string, inner = "console.error('Failed to fetch Docker details:', error);") =>
  `class StatusService { async getDockerDetails() { let latestVersion = null; try { const { releases } = await this.getRecentReleases(); latestVersion = releases.find((r) => r.isLatestStable)?.version || null } catch (error) { ${inner} } return { latestVersion } } async getRecentReleases() { const response = await fetch(this.url); return { releases: await response.json() } } async overview(info) { let docker = null; try { docker = await this.getDockerDetails();${extra} } catch (e) { console.error(\`Failed to load docker details for version overview as \${e.message}.\`) } return { docker } } }`;
const dockerAt = 'console.error(`Failed to load docker details for version overview as ${e.message}.`';

ruleTester.run('log-error-with-stack (dead catches, imported wrappers of one command)', rule, {
  valid: [
    docker(''),
    // wildduck's task loop: releasePending() catches its database error and logs it.
    "class Tasks { async releasePending() { try { const r = await this.database.collection('tasks').updateMany({ locked: true }, { $set: { locked: false } }); if (r.modifiedCount) console.info('released', r.modifiedCount) } catch (err) { console.error('Failed releasing expired tasks. error=%s', err.message) } } async run() { try { await this.releasePending() } catch (err) { console.error('Tasks', 'Failed releasing expired tasks. error=%s', err.message) } } }",
    startup('getSubdomainByApptid'),
  ],
  invalid: [
    // In-process work beside the call fails into the catch.
    invalid(docker(' const majors = docker.latestVersion.split(".").map(Number);'), 'e', dockerAt),
    invalid(docker(' const checked = new Date(docker.checkedAt);'), 'e', dockerAt),
    // The callee's catch throws the failure on: the caller's catch runs.
    invalid(docker('', "console.error('Failed to fetch Docker details'); throw error;"), 'e', dockerAt),
    // Two requests, or a request and the app's own work: which one failed is the stack's to say.
    startupReported('getTwice'),
    startupReported('getAndStore'),
    // `strict` reports the one wrapped request too.
    { ...startupReported('getSubdomainByApptid'), options: [{ reportExpectedFailures: true }] },
  ],
});
