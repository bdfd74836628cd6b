export * from './segment/segment-rules';
export * from './segment/segment.decider';
export * from './segment/segment.privacy';
