import { mount } from 'svelte';
import Platform from './Platform.svelte';
import '../app.css';
import './platform.css';

mount(Platform, { target: document.getElementById('app')! });
