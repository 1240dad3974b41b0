import { MatchingService } from '@app/worker/matching/matching.service';

type Constructor = new (...args: never[]) => object;

/**
 * MatchingService as the worker's Nest container builds it: each constructor parameter from its
 * design-time type (emitted decorator metadata), `provided` instances first, anything else
 * constructed the same way, once. Then the start-up hooks Nest runs (onModuleInit,
 * onApplicationBootstrap) and any start-up load they begin (`startLoading()`, e.g. a vacancy
 * cache's), awaited: matching then runs as it does in a worker that has finished starting.
 */
export async function startService(provided: Map<unknown, object>): Promise<{ service: MatchingService; parts: string[] }> {
  const instances = new Map<unknown, object>(provided);
  const created: object[] = [];
  const construct = (type: Constructor, path: string[]): object => {
    const known = instances.get(type);
    if (known) return known;
    if (path.includes(type.name)) throw new Error(`circular constructor dependency: ${[...path, type.name].join(' -> ')}`);
    const params = (Reflect.getMetadata('design:paramtypes', type) as Constructor[] | undefined) ?? [];
    if (params.length < type.length) throw new Error(`no constructor metadata for ${type.name}`);
    const args = params.map((param, i) => {
      if (typeof param !== 'function' || (param as unknown) === Object) {
        throw new Error(`cannot tell what parameter ${i + 1} of ${type.name} is (an interface or a union?)`);
      }
      return construct(param, [...path, type.name]);
    });
    const instance = new type(...(args as never[]));
    instances.set(type, instance);
    created.push(instance);
    return instance;
  };
  const service = construct(MatchingService, []) as MatchingService;
  type Hooks = { onModuleInit?: () => unknown; onApplicationBootstrap?: () => unknown; startLoading?: () => unknown };
  for (const hook of ['onModuleInit', 'onApplicationBootstrap', 'startLoading'] as const) {
    for (const instance of created) {
      const method = (instance as Hooks)[hook];
      if (typeof method === 'function') await method.call(instance);
    }
  }
  return { service, parts: created.map((instance) => instance.constructor.name) };
}
