import { runService } from '@c360/runtime';
import { SurveysModule, surveysContext } from '@c360/surveys-api';

/** The surveys service on its own: the same context definition the all-in-one platform runs. */
runService({ name: 'Surveys service', modules: [SurveysModule], settings: surveysContext.settings });
