export * from './codes/ssda903';
export * from './needs/needs-taxonomy';
export * from './postcode/postcode';
export * from './age/age';
export * from './errors/domain-error';
