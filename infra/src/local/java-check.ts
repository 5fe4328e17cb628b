import { spawnSync } from 'node:child_process';

/** DynamoDB Local is a Java program; say plainly what to install instead of failing obscurely. */
export function assertJava17(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      'Java 17 or newer is required for DynamoDB Local, but `java` was not found. ' +
        'Install it, e.g. `sudo apt-get install openjdk-17-jre-headless`.',
    );
  }
  const text = `${result.stderr}${result.stdout}`;
  const major = Number(/version "(\d+)(?:\.(\d+))?/.exec(text)?.[1] ?? '0');
  if (major < 17) {
    throw new Error(`Java 17 or newer is required for DynamoDB Local; found: ${text.split('\n')[0]}`);
  }
}
