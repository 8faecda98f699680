// The shape of resolved configuration: every value carries where it came from (for `config list` and messages).
import type { SettingKey } from './settings.js';

export type Source =
  | { kind: 'flag'; name: string } //            e.g. --region
  | { kind: 'env'; name: string } //             e.g. HUAWEICLOUD_SDK_AK
  | { kind: 'profile'; name: string; path: string } // rdsjob's config file
  | { kind: 'hcloud'; name: string; path: string } //  KooCLI's ~/.hcloud/config.json, profile `name`
  | { kind: 'derived' } //                       endpoint from region
  | { kind: 'default' } //                       profile "default", service "rds"
  | { kind: 'iam lookup' } //                    project id from IAM KeystoneListProjects
  | { kind: 'cache'; path: string }; //          project id from our cache of an earlier IAM lookup

export interface Setting {
  value: string;
  source: Source;
}

/** A config file as read from disk: parsed JSON, or absent. Corrupt files are reported by the reader. */
interface LoadedFile {
  path: string;
  data: unknown;
}

export interface ConfigFiles {
  /** rdsjob's own config file (data undefined when it does not exist; path undefined when there is no place for one). */
  rdsjob: { path: string | undefined; data?: unknown };
  /**
   * KooCLI's ~/.hcloud/config.json, when present. `problem`: it could not be read or parsed; that only matters (and
   * is reported) when nothing else supplies credentials, since the file is KooCLI's, not rdsjob's.
   */
  hcloud?: LoadedFile & { problem?: Error };
}

export type ResolvedConfig = {
  profile: Setting;
  /** rdsjob's config file path (whether or not it exists); undefined when there is no place for one. */
  configPath: string | undefined;
  /** Why a KooCLI profile that was found was not used (e.g. a mode other than AKSK), for the "no credentials" hint. */
  hcloudIgnored?: string;
} & { [K in SettingKey]?: Setting };
