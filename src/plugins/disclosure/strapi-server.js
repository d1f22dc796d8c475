'use strict';

/**
 * The server part is TypeScript compiled with the app (`strapi build` / `strapi develop` write it to
 * the app's dist directory), so this entry point forwards to the compiled module.
 */
const path = require('path');

const distRoot = global.strapi?.dirs?.dist?.root ?? path.join(__dirname, '..', '..', '..', 'dist');
const compiled = require(path.join(distRoot, 'src', 'plugins', 'disclosure', 'server', 'src'));

module.exports = compiled.default ?? compiled;
