'use strict';
// Node's own dynamic import, loaded through Node's own CommonJS loader. A handler must load exactly as the Lambda
// runtime loads it (native ESM resolution, real module instances), even when lambda-harness itself runs inside a
// test runner or bundler that rewrites `import()` in the files it transforms.
module.exports = function nativeImport(specifier) {
  return import(specifier);
};
