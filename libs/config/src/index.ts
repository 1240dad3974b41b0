export { Environment, ENVIRONMENT_KEYS, ConfigurationError, validateEnvironment, environmentOrExit } from './environment';
export { AppConfigModule } from './config.module';
export { closeOnSignals } from './process-signals';
export { parseTrustProxy } from './trust-proxy';
export type { TrustProxy } from './trust-proxy';
