// The web bundles' stand-in for Node built-ins (fs, crypto, net, tls, http, os, url, util...), set by esbuild.mjs.
// Only the desktop's paths use them (schema folders and their cache, sending, history): the web extension never
// calls them (client/web/, server/web/). Should one be reached anyway, it fails with a message that says why,
// instead of a bundle that cannot load. Every property is a function that throws when called.
const unavailable = (name) =>
  function () {
    throw new Error(`${String(name)} is not available in VS Code for the Web (it needs VS Code desktop).`);
  };
module.exports = new Proxy(
  {},
  {
    get: (_target, name) => (name === '__esModule' ? false : name === 'default' ? module.exports : unavailable(name)),
  },
);
