import { defineConfig } from 'eslint/config';
import securityLogging from 'eslint-plugin-security-logging';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['.next/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  securityLogging.configs.recommended,
  {
    settings: {
      'security-logging': {
        // `@/` is the tsconfig path alias Next.js sets up; the import is written as is.
        logger: { name: 'logger', importFrom: '@/lib/logger', style: 'pino' },
      },
    },
  },
);
