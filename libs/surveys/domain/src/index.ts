export * from './template/survey-template';
export * from './campaign/survey-campaign';
export * from './respondent/classification';
export * from './respondent/respondent.events';
export * from './respondent/respondent.decider';
export * from './surveys-events';
export * from './surveys.privacy';
