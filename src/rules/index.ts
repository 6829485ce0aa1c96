import noSilentCatch from './no-silent-catch.js';

/** Every rule of the plugin, by name. Configs are derived from each rule's `meta.docs`. */
export const rules = {
  'no-silent-catch': noSilentCatch,
};
