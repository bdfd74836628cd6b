// The list lives in a lib so that the platform and the gateway app run the same contexts without one app importing the other.
export { platformContexts, platformModules } from '@c360/platform';
