import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme } from './theme/index.js';
import './styles/app.css';
import { App } from './App.js';

applyTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
