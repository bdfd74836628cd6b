import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  const logger = new Logger('periodic-job.spec');
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => jest.useRealTimers());

  it('runs its pass every interval where processors run', async () => {
    jest.useFakeTimers();
    const pass = jest.fn(async () => 'done');
    const job = new PeriodicJob(pass, logger);
    job.start(1_000, { role: 'processors' });
    await jest.advanceTimersByTimeAsync(3_000);
    expect(pass).toHaveBeenCalledTimes(3);
    await job.stop();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(pass).toHaveBeenCalledTimes(3);
  });

  it('leaves the interval to the processors host when the role is api, and still runs on request', async () => {
    jest.useFakeTimers();
    const pass = jest.fn(async () => 'done');
    const job = new PeriodicJob(pass, logger);
    job.start(1_000, { role: 'api' });
    await jest.advanceTimersByTimeAsync(5_000);
    expect(pass).not.toHaveBeenCalled();
    await expect(job.runOnce()).resolves.toBe('done');
    await job.stop();
  });

  it('shares the pass in progress between concurrent calls', async () => {
    let release: (value: string) => void = () => undefined;
    const pass = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const job = new PeriodicJob(pass, logger);
    const first = job.runOnce();
    const second = job.runOnce();
    release('one pass');
    await expect(Promise.all([first, second])).resolves.toEqual(['one pass', 'one pass']);
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
