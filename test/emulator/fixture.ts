// The emulator as the tests configure it: a permanent and a temporary key, one IAM token, one project.
import { startEmulator } from '../../emulator/server.js';
import type { Emulator, EmulatorOptions } from '../../emulator/types.js';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';
import { AK, NOW, REGION, SK, TEMP, TOKEN } from './client.js';

export function startTestEmulator(extra: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({
    credentials: [{ accessKey: AK, secretKey: SK }, TEMP],
    authTokens: [TOKEN],
    projects: [{ id: PROJECT_ID, name: REGION }],
    now: () => NOW,
    ...extra,
  });
}
