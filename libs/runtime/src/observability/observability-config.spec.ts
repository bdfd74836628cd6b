import { loadConfig } from '../config/platform-config';

describe('observability settings', () => {
  it('log JSON, serve /metrics on the app port and trace nothing by default', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.logFormat).toBe('json');
    expect(config.metrics).toEqual({ port: undefined, host: '127.0.0.1' });
    expect(config.tracing).toEqual({ endpoint: undefined, serviceName: 'customer-360' });
  });

  it('log pretty under NODE_ENV=development unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });

  it('take a separate metrics port and an OTLP endpoint', () => {
    const config = loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318' });
    expect(config.metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(config.tracing.endpoint).toBe('http://otel:4318');
  });

  it('name the variable that is wrong', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml" must be one of: json, pretty/);
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT="ninety" must be an integer/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(/METRICS_PORT="3000" must differ from PORT/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT="otel:4318" must start with http:\/\//,
    );
  });
});
