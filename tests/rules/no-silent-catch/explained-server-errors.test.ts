/**
 * A comment that explains a catch without declaring the drop (four or more words, no "ignore" /
 * "expected") covers a fallback, not an explicit 5xx answer with nothing recorded: the comment is
 * about the answer (`// Don't expose error details to clients`), and the outage stays invisible.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

// formio: the comment explains the answer, not the silence; the 500 is still unrecorded
const CASE_1 = "router.get('/form/:formId/exists', async (req, res, next) => {\n  try {\n    const submission = await submissionModel.findOne({ _id: req.params.id });\n    return res.status(200).json({ _id: submission._id.toString() });\n  } catch (ignoreErr) {\n    // Don't expose error details to clients\n    return res.status(500).send('Internal server error');\n  }\n});";

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (explaining comments and 5xx answers)', rule, {
  valid: [
  // an explaining comment still covers a fallback answered with an ordinary (200) body (sillytavern)
  `router.post('/version', async (request, response) => {
  let currentCommitHash;
  try {
    currentCommitHash = await git.revparse(['HEAD']);
  } catch (error) {
    // it is not a git repo, or has no commits yet, or is a bare repo
    return response.send({ currentBranchName: '', currentCommitHash: '', isUpToDate: true });
  }
  return response.send({ currentCommitHash });
});`,
  // a comment that declares the drop covers a 500 too
  `router.get('/x', async (req, res) => {
  try {
    await db.find(req.params.id);
  } catch (e) {
    // expected: the caller retries
    return res.status(500).end();
  }
  res.end();
});`,
  ],
  invalid: [
    {
      code: CASE_1,
      errors: [
        {
          messageId: 'silentCatch',
          line: 7,
          suggestions: [{ messageId: 'logIt', data: {"call": "console.error"}, output: CASE_1.replace("    // Don't expose error details to clients", "    // Don't expose error details to clients\n    console.error('submissionModel.findOne failed', ignoreErr);") }],
        },
      ],
    },
  ],
});
