export { Environment, environmentOrExit } from './environment';
export { AppConfigModule } from './config.module';
export { closeOnSignals } from './process-signals';
