import { defineConfig } from 'eslint/config';
import securityLogging from 'eslint-plugin-security-logging';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  securityLogging.configs.recommended,
  {
    settings: {
      'security-logging': {
        logger: { name: 'logger', importFrom: './src/lib/logger.js', style: 'pino' },
      },
    },
  },
);
