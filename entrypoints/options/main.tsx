import { render } from 'preact';
import { t } from '@/utils/i18n';
import { App } from './App';
import './style.css';

// The page speaks the browser's language: lang drives fonts, hyphenation and screen readers.
document.documentElement.lang = t('optLocale');
document.title = t('settingsTitle');
render(<App />, document.getElementById('app')!);
