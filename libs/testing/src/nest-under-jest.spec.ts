import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';

/**
 * Guards the jest configuration: @nestjs/* ship as ES modules only and reach the tests through
 * @swc/jest, with legacy decorators and their metadata, which Nest's constructor injection needs.
 */
@Injectable()
class Clock {
  now(): string {
    return '2025-01-01';
  }
}

@Injectable()
class Greeter {
  constructor(private readonly clock: Clock) {}

  greet(name: string): string {
    return `hello ${name} on ${this.clock.now()}`;
  }
}

@Module({ providers: [Clock, Greeter], exports: [Greeter] })
class GreetingModule {}

describe('Nest under jest', () => {
  it('resolves constructor dependencies in a testing module', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GreetingModule] }).compile();
    try {
      expect(moduleRef.get(Greeter).greet('Ada')).toBe('hello Ada on 2025-01-01');
    } finally {
      await moduleRef.close();
    }
  });

  it('overrides a provider', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GreetingModule] })
      .overrideProvider(Clock)
      .useValue({ now: () => 'a fixed day' })
      .compile();
    try {
      expect(moduleRef.get(Greeter).greet('Ada')).toBe('hello Ada on a fixed day');
    } finally {
      await moduleRef.close();
    }
  });

  it('boots an application context with NestFactory', async () => {
    const app = await NestFactory.createApplicationContext(GreetingModule, { logger: false });
    try {
      expect(app.get(Greeter).greet('Grace')).toBe('hello Grace on 2025-01-01');
    } finally {
      await app.close();
    }
  });
});
