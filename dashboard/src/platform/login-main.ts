import { mount } from 'svelte';
import Login from './Login.svelte';
import '../app.css';
import './platform.css';

mount(Login, { target: document.getElementById('app')! });
