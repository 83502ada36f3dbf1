// Never download a browser: tests and PDF rendering use Debian's Chromium (see .ci/run).
module.exports = { skipDownload: true };
