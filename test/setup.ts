// Every test runs without network: an HTTP call that no nock scope answers fails loudly.
import nock from 'nock';
import { afterEach } from 'vitest';

nock.disableNetConnect();

afterEach(() => {
  nock.cleanAll();
});
