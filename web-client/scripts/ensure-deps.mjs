// Installs the exact dependencies of package-lock.json (npm ci) only when they changed since the
// last install, so that every Maven build does not pay for a fresh node_modules.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.civicdesk-lock-hash';
if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
  console.log('web-client dependencies are up to date');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(marker, hash);
}
