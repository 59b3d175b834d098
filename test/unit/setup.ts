import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installShippedModels } from '../../scripts/lib/node-models';

// The recogniser's models are data files the background fetches; tests read them from public/models.
installShippedModels();

beforeEach(() => {
  fakeBrowser.reset();
});
