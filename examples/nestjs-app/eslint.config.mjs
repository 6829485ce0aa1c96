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
        // Each provider holds `private readonly logger = new Logger(Name.name)`: fixes use it.
        logger: { name: 'this.logger', style: 'nest' },
      },
    },
  },
);
