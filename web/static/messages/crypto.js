// messages/crypto.js - end-to-end encryption of direct messages (issue 20, R6), in the page.
// libsodium-wrappers-sumo (the build with crypto_pwhash, Argon2id) is served by entraide
// itself (mk/messages.mk), never from a CDN.
//
// Keys: an X25519 pair (crypto_box) and an Ed25519 pair (crypto_sign) per account and
// browser, made on first use, kept in IndexedDB (database "entraide-messages"), the public
// halves published with PUT /api/v1/me/keys. A message: {c: conversation, t: text[, img, mime]}
// signed with crypto_sign (the signature stays inside the ciphertext), encrypted with
// crypto_secretbox under a random message key and a random nonce; the key sealed to every
// member's X25519 key (crypto_box_seal), the writer's own included. The server never sees a
// plaintext, a key or a signature. See docs/messages.md.
import { api } from '../api.js';

const DB = 'entraide-messages';
let sodiumP = null;

export function sodium() {
  if (!sodiumP) {
    sodiumP = import('/static/messages/sodium/libsodium-wrappers-sumo.mjs').then(async (m) => {
      const s = m.default;
      await s.ready;
      return s;
    }).catch((e) => {
      sodiumP = null;
      throw e;
    });
  }
  return sodiumP;
}

function idb() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('keys');
      r.result.createObjectStore('contacts');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function idbDo(store, mode, fn) {
  const db = await idb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const idbGet = (store, key) => idbDo(store, 'readonly', (s) => s.get(key));
const idbPut = (store, key, value) => idbDo(store, 'readwrite', (s) => s.put(value, key));

const b64 = (s, bytes) => s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
const unb64 = (s, text) => s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);

// The account's key pairs in this browser ({boxPk, boxSk, signPk, signSk}: Uint8Array), made
// and published on first use. A key published from elsewhere (another browser) is replaced
// by this browser's: one browser at a time holds an account's keys, until a key backup
// moves them (docs/messages.md).
export async function myKeys(handle) {
  const s = await sodium();
  let k = await idbGet('keys', handle);
  if (!k) {
    const box = s.crypto_box_keypair();
    const sign = s.crypto_sign_keypair();
    k = { boxPk: box.publicKey, boxSk: box.privateKey, signPk: sign.publicKey, signSk: sign.privateKey };
    await idbPut('keys', handle, k);
  }
  const pub = { box: b64(s, k.boxPk), sign: b64(s, k.signPk) };
  let published = null;
  try {
    published = (await api.get('/api/v1/me/keys')).keys;
  } catch (err) {
    if (err.status !== 404) throw err;
  }
  if (!published || published.box !== pub.box || published.sign !== pub.sign) {
    published = (await api.put('/api/v1/me/keys', pub)).keys;
  }
  return { ...k, version: published.version };
}

// True when this browser holds the account's keys.
export async function hasKeys(handle) {
  return Boolean(await idbGet('keys', handle));
}

// The key backup (issue 20): the four keys (160 bytes: box public and secret, sign public and
// secret) sealed with crypto_secretbox under a key that crypto_pwhash (Argon2id, the
// "interactive" limits: 2 passes, 64 MiB) derives from a passphrase and a random salt. The
// server stores the ciphertext, the salt and the limits, and cannot open it.
const BACKUP_OPS = 2;
const BACKUP_MEM = 64 * 1024 * 1024;

export async function backupExists() {
  try {
    await api.get('/api/v1/me/keys/backup');
    return true;
  } catch (err) {
    if (err.status === 404) return false;
    throw err;
  }
}

export async function backUp(handle, passphrase) {
  const s = await sodium();
  const k = await idbGet('keys', handle);
  if (!k) throw new Error('no keys in this browser');
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const key = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, salt, BACKUP_OPS, BACKUP_MEM, s.crypto_pwhash_ALG_ARGON2ID13);
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const plain = new Uint8Array(160);
  [k.boxPk, k.boxSk, k.signPk, k.signSk].forEach((part, i) => plain.set(part, [0, 32, 64, 96][i]));
  const sealed = s.crypto_secretbox_easy(plain, nonce, key);
  s.memzero(key);
  s.memzero(plain);
  await api.put('/api/v1/me/keys/backup', { salt: b64(s, salt), nonce: b64(s, nonce), sealed: b64(s, sealed), opslimit: BACKUP_OPS, memlimit: BACKUP_MEM });
}

// Restores the keys of the backup into this browser: false when the passphrase does not open it.
export async function restore(handle, passphrase) {
  const s = await sodium();
  const b = await api.get('/api/v1/me/keys/backup');
  const key = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, unb64(s, b.salt), b.opslimit, b.memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
  let plain;
  try {
    plain = s.crypto_secretbox_open_easy(unb64(s, b.sealed), unb64(s, b.nonce), key);
  } catch {
    return false;
  } finally {
    s.memzero(key);
  }
  if (plain.length !== 160) return false;
  await idbPut('keys', handle, { boxPk: plain.slice(0, 32), boxSk: plain.slice(32, 64), signPk: plain.slice(64, 96), signSk: plain.slice(96) });
  s.memzero(plain);
  return true;
}

// Compares each member's published keys with what this browser saw before: returns the
// handles whose keys changed since (and remembers the new ones, flagged until acknowledged).
export async function keyChanges(members) {
  const changed = [];
  for (const m of members) {
    if (m.me || !m.keys) continue;
    const known = await idbGet('contacts', m.handle);
    if (known && (known.sign !== m.keys.sign || known.box !== m.keys.box)) {
      await idbPut('contacts', m.handle, { ...m.keys, changed: true });
      changed.push(m.handle);
    } else if (!known) {
      await idbPut('contacts', m.handle, { ...m.keys, changed: false });
    } else if (known.changed) {
      changed.push(m.handle);
    }
  }
  return changed;
}

export async function acknowledge(handle) {
  const known = await idbGet('contacts', handle);
  if (known) await idbPut('contacts', handle, { ...known, changed: false });
}

// The safety number of two signing keys (base64url): 12 groups of 5 digits, the same on
// both sides (the keys are sorted), to compare in person.
export async function safetyNumber(signA, signB) {
  const s = await sodium();
  const [x, y] = [signA, signB].sort();
  const bytes = s.crypto_generichash(30, s.from_string(`entraide-safety-1|${x}|${y}`));
  const groups = [];
  for (let i = 0; i < 12; i++) {
    const v = (bytes[i * 2] << 16 | bytes[i * 2 + 1] << 8 | bytes[24 + (i % 6)]) % 100000;
    groups.push(String(v).padStart(5, '0'));
  }
  return groups.join(' ');
}

// Seals content ({t, img?, mime?}) for every member of conv (GET /conversations/{id}).
export async function seal(keys, conv, content) {
  const s = await sodium();
  const plain = s.from_string(JSON.stringify({ c: conv.id, ...content }));
  const signed = s.crypto_sign(plain, keys.signSk);
  const key = s.crypto_secretbox_keygen();
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const body = s.crypto_secretbox_easy(signed, nonce, key);
  const out = {
    nonce: b64(s, nonce),
    body: b64(s, body),
    keys: conv.members.map((m) => ({ to: m.handle, key: b64(s, s.crypto_box_seal(key, unb64(s, m.keys.box))) })),
  };
  s.memzero(key);
  return out;
}

// Opens a message (GET .../messages) with this browser's keys and the sender's signing key
// (base64url) of the version it was sent with: the content, or null when it cannot be read
// here (sealed to other keys) or its signature does not hold.
export async function open(keys, m, senderSign, convId) {
  const s = await sodium();
  try {
    const key = s.crypto_box_seal_open(unb64(s, m.key), keys.boxPk, keys.boxSk);
    const signed = s.crypto_secretbox_open_easy(unb64(s, m.body), unb64(s, m.nonce), key);
    const content = JSON.parse(s.to_string(s.crypto_sign_open(signed, unb64(s, senderSign))));
    return content && content.c === convId && typeof content.t === 'string' ? content : null;
  } catch {
    return null;
  }
}

// The message key of m, opened with this browser's keys (base64url), to report m: revealing
// it lets the server open that one message and check its signature (docs/messages.md).
export async function messageKey(keys, m) {
  const s = await sodium();
  return b64(s, s.crypto_box_seal_open(unb64(s, m.key), keys.boxPk, keys.boxSk));
}

// The signing key of handle at version: from the conversation's current keys, else from the
// recorded versions (GET /accounts/{handle}/keys, once per handle in cache, a Map the page
// keeps for one drawing).
export async function signKeyOf(cache, handle, version, current) {
  if (current && current.version === version) return current.sign;
  if (!cache.has(handle)) {
    cache.set(handle, api.get(`/api/v1/accounts/${encodeURIComponent(handle)}/keys`).catch(() => null));
  }
  const h = await cache.get(handle);
  const k = h && h.history.find((x) => x.version === version);
  return k ? k.sign : null;
}

export function bytesToBase64(s, bytes) {
  return s.to_base64(bytes, s.base64_variants.ORIGINAL);
}
