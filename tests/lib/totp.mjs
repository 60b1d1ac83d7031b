// tests/lib/totp.mjs - two-factor codes for tests (RFC 6238: HMAC-SHA1, 6 digits, 30 s), and
// turning two-factor authentication on for an account through the API, as its owner would:
//
//   const { secret, recovery } = await enrolTotp(client);   // client: a logged-in helpers.Client
//   await client.req('POST', '/api/v1/session', { json: { login, password, otp: totpCode(secret) } });
//
// Staff of an instance that requires it (every instance but `entraide demo`'s) act as staff
// only once this is done.
import { createHmac } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  let bits = 0, value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

export function totpCode(secret, seconds = Date.now() / 1000, digits = 6) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const off = mac[mac.length - 1] & 0xf;
  const n = (mac.readUInt32BE(off) & 0x7fffffff) % 10 ** digits;
  return String(n).padStart(digits, '0');
}

export async function enrolTotp(client) {
  const e = await client.req('POST', '/api/v1/me/totp/enrolment');
  if (e.status !== 200) throw new Error(`enrolment: ${e.status} ${e.text}`);
  const r = await client.req('POST', '/api/v1/me/totp', { json: { code: totpCode(e.data.secret) } });
  if (r.status !== 200) throw new Error(`totp: ${r.status} ${r.text}`);
  return { secret: e.data.secret, uri: e.data.uri, recovery: r.data.recovery_codes };
}
