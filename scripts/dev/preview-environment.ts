/**
 * Configuration is validated when the api's app module is loaded, and the OpenAPI document needs
 * none of it: a preview app never connects. Values the environment already has are left as they are.
 */
const PLACEHOLDER_ENVIRONMENT = {
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/never-connected',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'openapi-document-only-never-signs-a-token',
};

for (const [key, value] of Object.entries(PLACEHOLDER_ENVIRONMENT)) process.env[key] ||= value;
