import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

/**
 * Keys derived from one secret (PASSEND_SECRET). Without it, development creates a random secret
 * in the data directory; production refuses to start.
 */
export interface Keys {
  bsnEncryption: Buffer;
  bsnLookup: Buffer;
}

export function resolveSecret(config: Pick<Config, 'secret' | 'production' | 'dataDir'>): string {
  if (config.secret) {
    if (config.secret.length < 32) throw new Error('PASSEND_SECRET moet minstens 32 tekens lang zijn.');
    return config.secret;
  }
  if (config.production) throw new Error('PASSEND_SECRET ontbreekt: in productie is een geheime sleutel verplicht.');
  const file = path.join(config.dataDir, '.passend-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function deriveKeys(secret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'passend', info, 32));
  return { bsnEncryption: derive('bsn-encryptie-v1'), bsnLookup: derive('bsn-opzoeken-v1') };
}

const POOL = Buffer.alloc(8192);
let poolPositie = POOL.length;

/**
 * `n` (≤ 256) bytes from the operating system's CSPRNG, as a fresh copy. Drawn from a pool refilled
 * 8 KiB at a time (as Node does for randomUUID): one system call per few hundred draws instead of
 * one each, which a bulk import of 250,000 encrypted BSNs notices. Every byte is handed out once.
 */
export function willekeurigeBytes(n: number): Buffer {
  if (n > 256) return randomBytes(n);
  if (poolPositie + n > POOL.length) {
    randomFillSync(POOL);
    poolPositie = 0;
  }
  const uit = Buffer.from(POOL.subarray(poolPositie, poolPositie + n));
  POOL.fill(0, poolPositie, poolPositie + n);
  poolPositie += n;
  return uit;
}

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encrypt(key: Buffer, plaintext: string): string {
  const iv = willekeurigeBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decrypt(key: Buffer, token: string): string {
  const [version, iv, tag, data] = token.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Onbekend versleutelingsformaat');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export function lookupHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
