import sodium from 'libsodium-wrappers-sumo';

/**
 * Passphrase encryption of the sync folder's files, with libsodium: the key comes from the passphrase
 * through Argon2id (crypto_pwhash), each file is sealed with XChaCha20-Poly1305 (a random 24-byte
 * nonce per write; the file's device, partition and header are authenticated as associated data).
 */

export interface KeyDerivation {
  readonly kdf: 'argon2id13';
  /** base64 */
  readonly salt: string;
  readonly opslimit: number;
  readonly memlimit: number;
  /** A known text sealed with the key (base64): a wrong passphrase fails here before anything is read or written. */
  readonly check: string;
}

const CHECK_TEXT = 'leverage-journal sync key check v1';
const CHECK_AD = 'leverage-journal/check';

export async function cryptoReady(): Promise<void> {
  await sodium.ready;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function deriveKey(passphrase: string, salt: Uint8Array, opslimit: number, memlimit: number): Uint8Array {
  return sodium.crypto_pwhash(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    passphrase,
    salt,
    opslimit,
    memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/** A new key derivation for a folder's first device; returns the key too. */
export function newKeyDerivation(passphrase: string): { derivation: KeyDerivation; key: Uint8Array } {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const opslimit = sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const memlimit = sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE;
  const key = deriveKey(passphrase, salt, opslimit, memlimit);
  const check = seal(key, new TextEncoder().encode(CHECK_TEXT), CHECK_AD);
  return { derivation: { kdf: 'argon2id13', salt: toBase64(salt), opslimit, memlimit, check: toBase64(check) }, key };
}

/** The key for a passphrase, or null when the passphrase is not the folder's. */
export function unlockKey(passphrase: string, derivation: KeyDerivation): Uint8Array | null {
  const key = deriveKey(passphrase, fromBase64(derivation.salt), derivation.opslimit, derivation.memlimit);
  const opened = open(key, fromBase64(derivation.check), CHECK_AD);
  return opened && new TextDecoder().decode(opened) === CHECK_TEXT ? key : null;
}

/** nonce ‖ ciphertext */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Uint8Array {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, key);
  const out = new Uint8Array(nonce.length + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, nonce.length);
  return out;
}

/** The plaintext, or null when the key is wrong or the bytes were changed. */
export function open(key: Uint8Array, bytes: Uint8Array, associatedData: string): Uint8Array | null {
  const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (bytes.length < nonceBytes + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) return null;
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, bytes.subarray(nonceBytes), associatedData, bytes.subarray(0, nonceBytes), key);
  } catch {
    return null;
  }
}

export { toBase64, fromBase64 };
