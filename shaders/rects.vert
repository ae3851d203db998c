#version 330 core
//#include transform.glsl
// Rectangles given in whole-image device pixels (for painting a coverage buffer only where it
// may be non-zero).
layout(location = 0) in vec2 aPixel;

void main() { gl_Position = pixelToClip(aPixel); }
