// A real S3-compatible server for the bucket test (buckets.test.js):
//   node --openssl-legacy-provider s3_server.js DIR PAGE_ORIGIN PORT_FILE
// s3rver on 127.0.0.1 and a free port (written to PORT_FILE), storing in DIR,
// with two buckets: "lens", whose CORS rule lets PAGE_ORIGIN list and read
// it, and "closed", with no CORS rule. Its own process: s3rver makes
// continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
'use strict';
const fs = require('fs');
const S3rver = require('s3rver');

const [dir, origin, portFile] = process.argv.slice(2);
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>Range</AllowedHeader>
    <ExposeHeader>Content-Range</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>`;

const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir,
  configureBuckets: [{ name: 'lens', configs: [CORS] }, { name: 'closed' }] });
server.run().then((addr) => fs.writeFileSync(portFile, String(addr.port)), (err) => {
  console.error('s3rver did not start: ' + err);
  process.exit(1);
});
