/**
 * The api's root module for a preview app (see openapi-files.ts, which requires this file only when
 * a preview is asked for). An import rather than a require, so that the @app/api alias resolves
 * both under jest and under @swc-node/register, which rewrites import statements only.
 */
// First: the environment must be in place before the app module is evaluated.
import './preview-environment';

export { AppModule } from '@app/api/app.module';
