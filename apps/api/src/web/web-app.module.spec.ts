import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { WebAppModule } from './web-app.module';

@Controller('api/v1/ping')
class PingController {
  @Get()
  ping() {
    return { ok: true };
  }
}

describe('WebAppModule', () => {
  let root: string;
  let app: INestApplication;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    // NestFactory, as main.ts does: the static files are mounted on the HTTP adapter, which a
    // testing module compiled before its application does not have yet.
    @Module({ imports: [WebAppModule.forRoot(root)], controllers: [PingController] })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app at / and at deep links, always revalidated', async () => {
    for (const path of ['/', '/referrals/3f0c1a4e-7d1b-4c55-9a7e-1c2b3d4e5f60', '/inbox']) {
      const response = await request(app.getHttpServer()).get(path).expect(200);
      expect(response.text).toContain('<title>app</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('keeps built files for a year, and a missing one is a 404 rather than the app', async () => {
    const built = await request(app.getHttpServer()).get('/assets/index-abc123.js').expect(200);
    expect(built.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(app.getHttpServer()).get('/assets/index-old.js').expect(404);
    expect(missing.text).not.toContain('<title>app</title>');
  });

  it('leaves the api, health, docs and the queue dashboard to the api', async () => {
    await request(app.getHttpServer()).get('/api/v1/ping').expect(200, { ok: true });
    for (const path of ['/api/v1/no-such-route', '/api', '/health', '/docs', '/docs-json', '/admin/queues']) {
      const response = await request(app.getHttpServer()).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).not.toContain('<title>app</title>');
    }
  });

  it('is absent without a build', async () => {
    expect(WebAppModule.forRoot(null)).toEqual({ module: WebAppModule });
  });
});
