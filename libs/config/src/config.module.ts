import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Environment, ENVIRONMENT_KEYS, validateEnvironment } from './environment';

/**
 * @nestjs/config validates the process environment once; the result is also injectable as the
 * typed `Environment`, so a misspelt key is a compile error rather than an undefined at run time.
 * Configuration comes from the environment only (no .env file), as the container and demo set it.
 * A method rather than a module constant: @nestjs/config validates when `forRoot` is called, which
 * must not happen merely because some file imported this library.
 */
@Module({})
export class AppConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateEnvironment })],
      providers: [
        {
          provide: Environment,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            Object.assign(
              new Environment(),
              Object.fromEntries(ENVIRONMENT_KEYS.map((key) => [key, config.get(key)])),
            ),
        },
      ],
      exports: [Environment],
    };
  }
}
