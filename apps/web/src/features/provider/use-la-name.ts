import { useQuery } from '@tanstack/react-query';
import { localAuthoritiesQuery } from '../home/organisation';

/** The name of an LA from its GSS code, from the reference data the app loads once. */
export function useLaName() {
  const authorities = useQuery(localAuthoritiesQuery());
  return (code: string) =>
    (authorities.data as { code: string; name: string }[] | undefined)?.find((la) => la.code === code)?.name ?? code;
}
