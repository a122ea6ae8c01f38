// Cloud buckets as logdirs: s3://bucket/prefix, gs://bucket/prefix, and any
// S3-compatible server at an endpoint the user names (R2, MinIO, Ceph, GCS's
// XML API). A bucket is listed with ListObjectsV2 (XML, 1,000 keys a page);
// its event files are then read like any address, with Range requests, when
// their run is read (runs past the load limits only once picked). Public
// buckets need no credentials; the page sends none.
//
// [SECTION] addresses
// [SECTION] listing
// [SECTION] errors people can act on

// [SECTION] addresses ---------------------------------------------------------------------------
export const isBucketAddress = (raw) => /^(s3|gs):\/\//i.test(String(raw).trim());

// The address as it is kept (in the link): the endpoint, if any, after `?endpoint=`.
export function bucketAddress(address, endpoint) {
  const a = String(address).trim();
  const e = String(endpoint || '').trim();
  return e && isBucketAddress(a) ? a + '?endpoint=' + encodeURIComponent(e) : a;
}

const encodeKey = (key) => key.split('/').map(encodeURIComponent).join('/');

// s3://bucket/prefix[?endpoint=URL] -> a bucket: {scheme, name, prefix, endpoint, display,
// listUrl(token), objectUrl(key)}. Throws an Error saying what is wrong with the address.
export function parseBucket(raw) {
  const m = /^(s3|gs):\/\/([^/?]+)\/?([^?]*)(?:\?endpoint=(.*))?$/i.exec(String(raw).trim());
  if (!m) throw new Error('not a bucket address: write s3://bucket/folder or gs://bucket/folder');
  const scheme = m[1].toLowerCase(), name = m[2];
  // A prefix names a folder: "logs/exp1" lists logs/exp1/..., never logs/exp10/.
  let prefix = m[3];
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  let endpoint = '';
  if (m[4]) {
    try {
      endpoint = new URL(decodeURIComponent(m[4])).href.replace(/\/+$/, '');
    } catch (err) {
      throw new Error('the endpoint is not a web address (write it as https://host[:port])');
    }
    if (!/^https?:/.test(endpoint)) throw new Error('the endpoint must be an http:// or https:// address');
  }
  // A named endpoint and Google's take the bucket in the path. AWS's own is
  // asked by bucket host name, which reaches the bucket's region wherever it
  // is; a name with dots cannot be a TLS host name, so it goes in the path.
  let base, hosted = false;
  if (endpoint) base = endpoint + '/' + encodeURIComponent(name);
  else if (scheme === 'gs') base = 'https://storage.googleapis.com/' + encodeURIComponent(name);
  else if (name.includes('.')) base = 'https://s3.amazonaws.com/' + name;
  else { base = `https://${name}.s3.amazonaws.com`; hosted = true; }
  const q = (k, v) => k + '=' + encodeURIComponent(v);
  return {
    scheme, name, prefix, endpoint,
    display: `${scheme}://${name}/${prefix}`,
    listUrl: (token) => base + (hosted ? '/' : '') + '?' + [q('list-type', '2'), q('prefix', prefix)]
      .concat(token ? [q('continuation-token', token)] : []).join('&'),
    objectUrl: (key) => base + '/' + encodeKey(key),
  };
}

// [SECTION] listing -----------------------------------------------------------------------------
// Direct children of an element named `tag` (the namespace aside).
const childText = (el, tag) => {
  for (const c of el.children) if (c.localName === tag) return c.textContent;
  return null;
};

function parseXml(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return null;
  return doc.documentElement;
}

// Every object under the bucket's prefix: [{key, size, etag}], a page at a time.
// `onPage(count)` is told how many were listed so far (a large bucket takes a while).
export async function listBucket(bucket, onPage) {
  const objects = [];
  let token = '';
  for (let pages = 0; ; pages++) {
    const res = await bucketFetch(bucket, bucket.listUrl(token), { cache: 'no-store' }, 'list');
    const root = parseXml(await res.text());
    if (!root || root.localName !== 'ListBucketResult')
      throw new Error('the answer to a bucket listing is not a ListObjectsV2 result (is the endpoint an S3 API?)');
    for (const c of root.children) {
      if (c.localName !== 'Contents') continue;
      const key = childText(c, 'Key');
      if (key === null || key.endsWith('/')) continue;  // "folder" placeholder objects
      objects.push({ key, size: +(childText(c, 'Size') || 0), etag: childText(c, 'ETag') || '' });
    }
    if (onPage) onPage(objects.length);
    token = childText(root, 'IsTruncated') === 'true' ? childText(root, 'NextContinuationToken') : '';
    if (!token) break;
    if (pages > 100000) throw new Error('the bucket listing does not end (a server that repeats its pages)');
  }
  return objects;
}

// [SECTION] errors people can act on ------------------------------------------------------------
// The CORS rule that lets this page list and read a bucket, in the form its
// console or command line takes.
export function corsRule(bucket) {
  const origin = location.origin === 'null' ? '*' : location.origin;
  if (bucket.scheme === 'gs' && !bucket.endpoint) {
    return JSON.stringify([{ origin: [origin], method: ['GET', 'HEAD'],
      responseHeader: ['Range', 'Content-Range', 'Content-Length', 'ETag'], maxAgeSeconds: 3600 }]);
  }
  return JSON.stringify([{ AllowedOrigins: [origin], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['Range'],
    ExposeHeaders: ['Content-Range', 'Content-Length', 'ETag'], MaxAgeSeconds: 3600 }]);
}

function corsAdvice(bucket) {
  const how = bucket.scheme === 'gs' && !bucket.endpoint
    ? 'gsutil cors set rule.json gs://' + bucket.name
    : 'aws s3api put-bucket-cors --bucket ' + bucket.name + " --cors-configuration '{\"CORSRules\": RULE}'" +
      (bucket.endpoint ? ' --endpoint-url ' + bucket.endpoint : '');
  return 'Add this CORS rule to the bucket (' + how + '):\n' + corsRule(bucket);
}

// S3's XML error: {code, message, endpoint} (endpoint: where a bucket of another region lives).
async function s3Error(res) {
  try {
    const root = parseXml(await res.text());
    if (root && root.localName === 'Error')
      return { code: childText(root, 'Code') || '', message: childText(root, 'Message') || '',
        endpoint: childText(root, 'Endpoint') || '' };
  } catch (err) {
    // not XML: the status says it
  }
  return { code: '', message: '', endpoint: '' };
}

// fetch() for a bucket's listing (`what` 'list') or objects ('read'), whose
// errors say what to change on the bucket.
export async function bucketFetch(bucket, url, init, what) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    // Refused to this page, or not reached at all? An opaque request (no-cors)
    // tells: it gets an answer from a server that is there.
    const server = new URL(url).origin;
    const there = await fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(() => true, () => false);
    if (!there) throw new Error(`the server ${server} is unreachable: check the ${bucket.endpoint ? 'endpoint' : 'address'}`);
    throw new Error(`${server} answered, but not to this page: the bucket "${bucket.name}" does not exist, or it has ` +
      `no CORS rule letting ${location.origin} ${what === 'list' ? 'list' : 'read'} it. ${corsAdvice(bucket)}`);
  }
  if (res.ok) return res;
  const e = await s3Error(res);
  const said = e.code ? ` (${e.code}${e.message ? ': ' + e.message : ''})` : '';
  if (e.code === 'NoSuchBucket' || (res.status === 404 && what === 'list'))
    throw new Error(`there is no bucket "${bucket.name}"` +
      (bucket.endpoint ? ' at ' + bucket.endpoint : bucket.scheme === 'gs' ? ' on Google Cloud Storage' : ' on AWS S3') +
      said);
  if (res.status === 301 || e.code === 'PermanentRedirect')
    throw new Error('the bucket is in another region: give its endpoint' +
      (e.endpoint ? ', https://' + e.endpoint : ' (https://s3.REGION.amazonaws.com)') + said);
  if (res.status === 403 || res.status === 401) {
    throw new Error(what === 'list'
      ? 'the bucket does not let anyone list it' + said + '. EventLens reads public buckets without ' +
        'credentials: allow public listing (s3:ListBucket) and reading (s3:GetObject) of this prefix, ' +
        'or publish the runs with a manifest (eventlens publish) and open that'
      : 'the bucket lists this file but does not let anyone read it' + said +
        ': allow public reading (s3:GetObject) of this prefix');
  }
  throw new Error(`HTTP ${res.status}${said}`);
}

// Reads of a bucket's objects: fetchOrExplain's answers are for plain web
// addresses; these say what to change on the bucket.
export const bucketReader = (bucket) => (url, init) => bucketFetch(bucket, url, init, 'read');
