#!/bin/sh
echo cgi
