'use strict';

// Strapi requires a local plugin's server entry as plain JavaScript. The server code is TypeScript,
// compiled with the app (tsc → dist/), so the entry loads the compiled module from there.
const path = require('path');

const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'plugins', 'disclosure', 'server', 'src');

module.exports = require(compiled).default;
