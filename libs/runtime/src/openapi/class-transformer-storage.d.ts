// class-transformer keeps @Type() metadata in a storage it exports only from its CommonJS build; its
// declaration lives under types/. The OpenAPI shim reads it to learn the element type of nested lists.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
